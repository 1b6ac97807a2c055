# PEP 343 example 3, "transaction": commit when the block succeeds, roll back when it raises.

class Database:
    def __init__(self):
        self.rows = []
        self.pending = []

    def insert(self, row):
        self.pending.append(row)

    def commit(self):
        self.rows.extend(self.pending)
        self.pending = []
        print("commit ->", self.rows)

    def rollback(self):
        print("rollback, dropping", self.pending)
        self.pending = []


class transaction:
    def __init__(self, db):
        self.db = db

    def __enter__(self):
        return self.db

    def __exit__(self, type, value, tb):
        if type is None:
            self.db.commit()
        else:
            self.db.rollback()


db = Database()
with transaction(db):
    db.insert("alice")
    db.insert("bob")

try:
    with transaction(db):
        db.insert("mallory")
        raise RuntimeError("constraint violated")
except RuntimeError as e:
    print("error:", e)

print("final rows:", db.rows)
