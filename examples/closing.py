# PEP 343 example 8, "closing": call close() on anything when the block ends.

class closing:
    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, type, value, tb):
        self.thing.close()


class Connection:
    def __init__(self, host):
        self.host = host

    def fetch(self, what):
        return what + " from " + self.host

    def close(self):
        print("closed connection to", self.host)


with closing(Connection("db.example")) as conn:
    print(conn.fetch("rows"))


def first_page(host):
    with closing(Connection(host)) as conn:
        return conn.fetch("page 1")


print(first_page("web.example"))
