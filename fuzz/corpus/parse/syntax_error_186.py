's' := None
