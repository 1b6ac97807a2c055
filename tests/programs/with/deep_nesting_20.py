# twenty nested with statements in one function (CPython's static block limit): an error at the bottom is suppressed by the 7th manager
class Level:
    log = []
    def __init__(self, n, catch=False):
        self.n = n
        self.catch = catch
    def __enter__(self):
        Level.log.append("+" + str(self.n))
        return self.n
    def __exit__(self, t, v, tb):
        Level.log.append("-" + str(self.n) + ("!" if t else ""))
        return self.catch

def deep():
    with Level(1):
     with Level(2):
      with Level(3):
       with Level(4):
        with Level(5):
         with Level(6):
          with Level(7, catch=True):
           with Level(8):
            with Level(9):
             with Level(10):
              with Level(11):
               with Level(12):
                with Level(13):
                 with Level(14):
                  with Level(15):
                   with Level(16):
                    with Level(17):
                     with Level(18):
                      with Level(19):
                       with Level(20) as bottom:
                        raise ValueError(bottom)
          print("resumed after level 7")
    return "finished"

print(deep())
print(" ".join(Level.log))
