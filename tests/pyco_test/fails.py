# Ends with an uncaught exception: stdout, status 1 and the last stderr line.
def parse(text):
    return int(text)


print(parse("12"))
print(parse("twelve"))
