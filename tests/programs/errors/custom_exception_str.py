# an uncaught user exception with a custom __str__: the last line is the class name and str() of the instance
class QuotaExceeded(Exception):
    def __init__(self, used, limit):
        super().__init__(used, limit)
        self.used = used
        self.limit = limit
    def __str__(self):
        return str(self.used) + " of " + str(self.limit) + " used"

def check(used):
    print("checking", used)
    if used > 10:
        raise QuotaExceeded(used, 10)

check(3)
check(12)
