# __exit__ raising inside a called function: the traceback goes through the caller, the function's with line, and __exit__
class Guard:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        raise PermissionError("guard refused")

def save(record):
    with Guard():
        print("saving", record)
        record.append("saved")
    return record

def main():
    print(save(["r1"]))

main()
