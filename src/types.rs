//! The built-in classes: `object`, `int`, `str`, ..., and the exception
//! hierarchy of CPython 3.11.
//!
//! Classes are created empty here (name, bases, MRO); the `builtins` layer
//! fills their namespaces with methods when an interpreter starts. One set
//! per thread, shared by every interpreter on it.

use crate::value::Class;
use crate::value::object::InstanceLayout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

macro_rules! builtin_types {
    (
        plain { $($field:ident = $name:literal : $($base:ident)?,)* }
        exceptions { $($efield:ident = $ename:literal : $($ebase:ident)+,)* }
    ) => {
        /// Every built-in class, by role.
        pub struct Types {
            $(#[doc = concat!("`", $name, "`")] pub $field: Rc<Class>,)*
            $(#[doc = concat!("`", $ename, "`")] pub $efield: Rc<Class>,)*
        }

        impl Types {
            fn new() -> Self {
                let object = make_class("object", &[], InstanceLayout::Slotted);
                $(let $field = if stringify!($field) == "object" {
                    object.clone()
                } else {
                    make_class($name, &[builtin_types!(@base object $($base)?)], InstanceLayout::Builtin)
                };)*
                let base_exception = make_class("BaseException", &[object.clone()], InstanceLayout::Exception);
                $(let $efield = if stringify!($efield) == "base_exception" {
                    base_exception.clone()
                } else {
                    make_class($ename, &[$($ebase.clone()),+], InstanceLayout::Exception)
                };)*
                Self { $($field,)* $($efield,)* }
            }

            /// Every exception class, for the `builtins` namespace.
            #[must_use]
            pub fn exception_classes(&self) -> Vec<Rc<Class>> {
                vec![$(self.$efield.clone(),)*]
            }
        }
    };
    (@base $object:ident) => { $object.clone() };
    (@base $object:ident $base:ident) => { $base.clone() };
}

builtin_types! {
    plain {
        object = "object":,
        type_ = "type":,
        none_type = "NoneType":,
        not_implemented_type = "NotImplementedType":,
        ellipsis_type = "ellipsis":,
        int = "int":,
        bool = "bool": int,
        float = "float":,
        str = "str":,
        tuple = "tuple":,
        list = "list":,
        dict = "dict":,
        set = "set":,
        frozenset = "frozenset":,
        range = "range":,
        slice = "slice":,
        function = "function":,
        builtin_function = "builtin_function_or_method":,
        method = "method":,
        module = "module":,
        property = "property":,
        staticmethod = "staticmethod":,
        classmethod = "classmethod":,
        super_ = "super":,
        generator = "generator":,
        coroutine = "coroutine":,
        async_generator = "async_generator":,
        iterator = "iterator":,
        list_iterator = "list_iterator":,
        list_reverseiterator = "list_reverseiterator":,
        tuple_iterator = "tuple_iterator":,
        str_iterator = "str_ascii_iterator":,
        range_iterator = "range_iterator":,
        set_iterator = "set_iterator":,
        dict_keyiterator = "dict_keyiterator":,
        dict_valueiterator = "dict_valueiterator":,
        dict_itemiterator = "dict_itemiterator":,
        dict_keys = "dict_keys":,
        dict_values = "dict_values":,
        dict_items = "dict_items":,
        enumerate = "enumerate":,
        zip = "zip":,
        map = "map":,
        filter = "filter":,
        reversed = "reversed":,
        callable_iterator = "callable_iterator":,
        async_generator_asend = "async_generator_asend":,
        coroutine_wrapper = "coroutine_wrapper":,
        cell = "cell":,
        text_io = "TextIOWrapper":,
        traceback = "traceback":,
        frame = "frame":,
        code = "code":,
        member_descriptor = "member_descriptor":,
    }
    exceptions {
        base_exception = "BaseException": object,
        base_exception_group = "BaseExceptionGroup": base_exception,
        generator_exit = "GeneratorExit": base_exception,
        keyboard_interrupt = "KeyboardInterrupt": base_exception,
        system_exit = "SystemExit": base_exception,
        exception = "Exception": base_exception,
        exception_group = "ExceptionGroup": base_exception_group exception,
        arithmetic_error = "ArithmeticError": exception,
        floating_point_error = "FloatingPointError": arithmetic_error,
        overflow_error = "OverflowError": arithmetic_error,
        zero_division_error = "ZeroDivisionError": arithmetic_error,
        assertion_error = "AssertionError": exception,
        attribute_error = "AttributeError": exception,
        buffer_error = "BufferError": exception,
        eof_error = "EOFError": exception,
        import_error = "ImportError": exception,
        module_not_found_error = "ModuleNotFoundError": import_error,
        lookup_error = "LookupError": exception,
        index_error = "IndexError": lookup_error,
        key_error = "KeyError": lookup_error,
        memory_error = "MemoryError": exception,
        name_error = "NameError": exception,
        unbound_local_error = "UnboundLocalError": name_error,
        os_error = "OSError": exception,
        blocking_io_error = "BlockingIOError": os_error,
        child_process_error = "ChildProcessError": os_error,
        connection_error = "ConnectionError": os_error,
        broken_pipe_error = "BrokenPipeError": connection_error,
        connection_aborted_error = "ConnectionAbortedError": connection_error,
        connection_refused_error = "ConnectionRefusedError": connection_error,
        connection_reset_error = "ConnectionResetError": connection_error,
        file_exists_error = "FileExistsError": os_error,
        file_not_found_error = "FileNotFoundError": os_error,
        interrupted_error = "InterruptedError": os_error,
        is_a_directory_error = "IsADirectoryError": os_error,
        not_a_directory_error = "NotADirectoryError": os_error,
        permission_error = "PermissionError": os_error,
        process_lookup_error = "ProcessLookupError": os_error,
        timeout_error = "TimeoutError": os_error,
        reference_error = "ReferenceError": exception,
        runtime_error = "RuntimeError": exception,
        resource_error = "ResourceError": exception,
        not_implemented_error = "NotImplementedError": runtime_error,
        recursion_error = "RecursionError": runtime_error,
        stop_async_iteration = "StopAsyncIteration": exception,
        stop_iteration = "StopIteration": exception,
        syntax_error = "SyntaxError": exception,
        indentation_error = "IndentationError": syntax_error,
        tab_error = "TabError": indentation_error,
        system_error = "SystemError": exception,
        type_error = "TypeError": exception,
        value_error = "ValueError": exception,
        unicode_error = "UnicodeError": value_error,
        unicode_decode_error = "UnicodeDecodeError": unicode_error,
        unicode_encode_error = "UnicodeEncodeError": unicode_error,
        warning = "Warning": exception,
        deprecation_warning = "DeprecationWarning": warning,
        runtime_warning = "RuntimeWarning": warning,
        user_warning = "UserWarning": warning,
        syntax_warning = "SyntaxWarning": warning,
        future_warning = "FutureWarning": warning,
        pending_deprecation_warning = "PendingDeprecationWarning": warning,
        resource_warning = "ResourceWarning": warning,
    }
}

/// Creates a class with the C3 linearisation of `bases` as its MRO.
///
/// Returns `None` when the bases admit no consistent order (CPython's
/// "Cannot create a consistent method resolution order (MRO)").
#[must_use]
pub fn linearize(bases: &[Rc<Class>]) -> Option<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases
        .iter()
        .map(|b| b.mro_with_self().cloned().collect())
        .collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let head = seqs.iter().find_map(|s| {
            let cand = &s[0];
            let in_tail = seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, cand)));
            (!in_tail).then(|| cand.clone())
        })?;
        for s in &mut seqs {
            if Rc::ptr_eq(&s[0], &head) {
                s.remove(0);
            }
        }
        out.push(head);
    }
}

fn make_class(name: &str, bases: &[Rc<Class>], layout: InstanceLayout) -> Rc<Class> {
    let mro = linearize(bases).unwrap_or_default();
    Rc::new(Class {
        name: name.into(),
        qualname: name.into(),
        module: "builtins".into(),
        bases: bases.to_vec(),
        mro,
        dict: crate::value::object::ClassDict::default(),
        layout,
        cache: RefCell::default(),
        finalized: Cell::new(false),
        subclasses: RefCell::default(),
    })
}

/// Creates a class outside `builtins` (asyncio's, for instance).
#[must_use]
pub fn new_builtin_class(
    name: &str,
    module: &str,
    bases: &[Rc<Class>],
    layout: InstanceLayout,
) -> Rc<Class> {
    let mro = linearize(bases).unwrap_or_default();
    Rc::new(Class {
        name: name.into(),
        qualname: name.into(),
        module: module.into(),
        bases: bases.to_vec(),
        mro,
        dict: crate::value::object::ClassDict::default(),
        layout,
        cache: RefCell::default(),
        finalized: Cell::new(false),
        subclasses: RefCell::default(),
    })
}

thread_local! {
    static TYPES: Rc<Types> = Rc::new(Types::new());
}

/// This thread's built-in classes.
#[must_use]
pub fn types() -> Rc<Types> {
    TYPES.with(Rc::clone)
}
