# an exception raised in a finally clause while another is propagating: both tracebacks appear, linked by "During handling..."
def release():
    raise OSError("release failed")

def work():
    try:
        print("working")
        raise ValueError("work failed")
    finally:
        release()

work()
