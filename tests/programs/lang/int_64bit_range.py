# integer arithmetic near the signed 64-bit limits stays exact (all values stay within -2**63 .. 2**63-1)
big = 2 ** 62
print(big, big - 1 + big, -big - big)
top = 9223372036854775807
bottom = -9223372036854775808
print(top, bottom, top + bottom)
print(top // 3, top % 1000, bottom // 7, bottom % 7)
print(3037000499 * 3037000499, -(2 ** 62) * 2 == bottom)
print(abs(-top), (top - 1) // 2 * 2 + 1 == top)
print(1 << 62, (1 << 62) >> 61, -1 >> 5, ~0, ~top == bottom)
print(0xFF & 0x0F, 0xF0 | 0x0F, 0xFF ^ 0x0F, hex(top), hex(-255))
print(10 ** 18, 10 ** 18 * 9, int("9223372036854775807") == top)
