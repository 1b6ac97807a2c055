# a break in finally discards the pending exception and leaves the loop; the loop's else clause is skipped
log = []
for attempt in range(3):
    try:
        log.append("try " + str(attempt))
        if attempt == 1:
            raise RuntimeError("attempt " + str(attempt))
    finally:
        log.append("finally " + str(attempt))
        if attempt == 1:
            break
else:
    log.append("else")
print(log)
