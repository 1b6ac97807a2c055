# the else clause runs only when the try body did not raise, and an exception in else is not caught by the same try's handlers
def attempt(fail_body, fail_else):
    try:
        try:
            if fail_body:
                raise ValueError("body")
        except ValueError as e:
            print("  handler caught", e)
        else:
            print("  else runs")
            if fail_else:
                raise ValueError("else")
        finally:
            print("  finally")
    except ValueError as e:
        print("  escaped to caller:", e)

attempt(True, False)
attempt(False, False)
attempt(False, True)
