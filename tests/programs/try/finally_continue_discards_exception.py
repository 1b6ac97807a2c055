# a continue in finally (allowed since 3.8) discards the pending exception and moves to the next iteration
total = 0
for n in [1, 0, 2, 0, 3]:
    try:
        total += 6 // n
    finally:
        continue
else:
    print("loop completed, total", total)
