# return from a for loop nested in a while loop inside a with: __exit__ runs once with Nones after the loops are abandoned
class Log:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *args):
        print("exit", args)

def find(grid, target):
    with Log():
        row = 0
        while row < len(grid):
            for col, value in enumerate(grid[row]):
                if value == target:
                    return (row, col)
            row += 1
        print("not found")
    return None

print(find([[1, 2], [3, 4], [5, 6]], 4))
print(find([[1, 2]], 9))
