use pyco::parser::parse_module;
use pyco::source::SourceFile;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let srcs: Vec<String> = if path.ends_with(".json") { 
        // one JSON string per line
        text.lines().map(|l| json_unescape(l)).collect()
    } else { vec![text] };
    for src in srcs {
        let t = std::time::Instant::now();
        let r = parse_module(&src);
        let el = t.elapsed();
        match r {
            Ok(m) => { if std::env::var("AST").is_ok() { println!("{:#?}", m); } println!("OK"); }
            Err(e) => {
                let f = SourceFile::new("x.py", src.clone());
                let (l, c) = f.line_col(e.span.start);
                println!("{}: {} @ {}:{}", e.kind.class_name(), e.message, l, c + 1);
            }
        }
        if std::env::var("TIME").is_ok() { eprintln!("{:?}", el); }
    }
}
fn json_unescape(l: &str) -> String {
    let s = &l[1..l.len()-1];
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next().unwrap() {
                'n' => out.push('\n'), 't' => out.push('\t'), 'r' => out.push('\r'), '"' => out.push('"'), '\\' => out.push('\\'), '/' => out.push('/'),
                'f' => out.push('\x0c'), 'b' => out.push('\x08'),
                'u' => { let h: String = it.by_ref().take(4).collect(); let v = u32::from_str_radix(&h, 16).unwrap();
                         if (0xD800..0xDC00).contains(&v) { it.next(); it.next(); let h2: String = it.by_ref().take(4).collect(); let v2 = u32::from_str_radix(&h2,16).unwrap(); out.push(char::from_u32(0x10000 + ((v-0xD800)<<10) + (v2-0xDC00)).unwrap()); }
                         else { out.push(char::from_u32(v).unwrap()); } }
                x => { out.push('\\'); out.push(x); }
            }
        } else { out.push(c); }
    }
    out
}
