# an error raised inside a generator's with block passes that __exit__ and reaches the consumer: frames for the for line and the generator
class Trace:
    def __enter__(self):
        print("gen resource open")
        return self
    def __exit__(self, t, v, tb):
        print("gen resource closed by", t.__name__ if t else None)

def records(rows):
    with Trace():
        for row in rows:
            yield row["id"]

for rec in records([{"id": 1}, {"name": "no id"}]):
    print("record", rec)
