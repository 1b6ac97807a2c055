# string literal forms: escapes, raw strings, adjacent concatenation, triple quotes, unicode escapes, and their repr
print("tab\there", 'quote\'s', "back\\slash", "nl\\n literal")
print(r"raw\n\t", len(r"\n"), len("\n"), "\x41\u00e9\101")
print("adjacent " 'parts ' """joined""")
block = """first
  second\
 continued"""
print(block)
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\n\t\\"), repr("\x07\x00"), repr("é"))
print(ord("\u00e9"), "\u263a" == chr(9786), len("\U0001F600"))
print(f"{'nested'!r}", f'{"double"}', f"""{3}""", f"{'a' 'b'}")
