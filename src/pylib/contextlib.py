# withvm's contextlib, written in the Python subset withvm compiles and bundled with the VM.
# It follows CPython 3.11's observable behaviour (PEP 343's generator-manager rules, ExitStack's
# unwinding and exception chaining); tests run it under CPython too, shadowing the stdlib copy.

import sys

try:
    # withvm's native @contextmanager (assembly/generators.ts); CPython runs the Python code below
    import _contextlib
except ImportError:
    _contextlib = None

__all__ = ["AbstractContextManager", "ContextDecorator", "contextmanager", "closing",
           "suppress", "nullcontext", "ExitStack", "redirect_stdout", "redirect_stderr"]


class AbstractContextManager:
    """A base whose __enter__ returns the manager itself; subclasses supply __exit__."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None


class ContextDecorator:
    """Lets a manager decorate a function: each call runs inside a fresh manager."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        manager = self

        def inner(*args, **kwds):
            with manager._recreate_cm():
                return func(*args, **kwds)

        inner.__name__ = func.__name__
        inner.__qualname__ = func.__qualname__
        inner.__doc__ = func.__doc__
        inner.__wrapped__ = func
        return inner


class _GeneratorContextManager(AbstractContextManager):
    """The manager @contextmanager builds around one generator (PEP 343's template)."""

    # withvm compiles single inheritance only, so ContextDecorator's decorating behaviour is
    # borrowed as a class attribute instead of inherited (isinstance(cm, ContextDecorator) is False).
    __call__ = ContextDecorator.__call__

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func = func
        self.args = args
        self.kwds = kwds
        self.__doc__ = getattr(func, "__doc__", None)

    def _recreate_cm(self):
        # A generator runs once, so each decorated call needs a manager of its own.
        return _GeneratorContextManager(self.func, self.args, self.kwds)

    def __enter__(self):
        # Dropping the recipe first makes a second `with` on this object fail, as in CPython.
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            # The exception was given as a bare class; the generator must see an instance.
            value = typ()
        try:
            self.gen.throw(typ, value, traceback)
        except StopIteration as stop:
            # The generator finished: it swallowed the exception unless it is what stopped it.
            return stop is not value
        except RuntimeError as err:
            if err is value:
                err.__traceback__ = traceback
                return False
            # PEP 479 turned a StopIteration thrown into the generator into RuntimeError.
            if isinstance(value, StopIteration) and err.__cause__ is value:
                value.__traceback__ = traceback
                return False
            raise
        except BaseException as err:
            # Re-raising the very exception we threw in is not an error of the manager.
            if err is not value:
                raise
            err.__traceback__ = traceback
            return False
        raise RuntimeError("generator didn't stop after throw()")


if _contextlib is not None:
    # the native managers follow the same rules; this lets them decorate functions too
    _contextlib.set_call(ContextDecorator.__call__)


def contextmanager(func):
    """@contextmanager: turn a generator function that yields once into a manager factory."""
    if _contextlib is not None:
        return _contextlib.contextmanager(func)

    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)

    helper.__name__ = func.__name__
    helper.__qualname__ = func.__qualname__
    helper.__doc__ = func.__doc__
    helper.__wrapped__ = func
    return helper


class closing(AbstractContextManager):
    """Calls thing.close() when the block ends."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, exc_type, exc_value, traceback):
        self.thing.close()


class suppress(AbstractContextManager):
    """Swallows the listed exception types (and their subclasses) raised in the block."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        return None

    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type is None:
            return False
        return issubclass(exc_type, self._exceptions)


class nullcontext(AbstractContextManager):
    """A manager that does nothing; `as` receives enter_result."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, exc_type, exc_value, traceback):
        return None


class _RedirectStream(AbstractContextManager):
    _stream = ""

    def __init__(self, new_target):
        self._new_target = new_target
        # A stack, so one manager object can be re-entered while already active.
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exc_type, exc_value, traceback):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """Sends sys.stdout (and so print) to new_target inside the block."""

    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """Sends sys.stderr to new_target inside the block."""

    _stream = "stderr"


def _exit_of(manager):
    """The manager's __exit__, looked up on its type as the with statement does."""
    manager_type = type(manager)
    if not hasattr(manager_type, "__exit__"):
        return None
    method = manager_type.__exit__

    def bound_exit(exc_type, exc, tb):
        return method(manager, exc_type, exc, tb)

    return bound_exit


class ExitStack(AbstractContextManager):
    """A stack of exit callbacks, unwound last-in first-out like nested with statements."""

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        """Moves every registered callback to a new stack and returns it."""
        moved = ExitStack()
        moved._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return moved

    def push(self, exit):
        """Registers a manager's __exit__, or any callable with __exit__'s signature."""
        exit_method = _exit_of(exit)
        self._exit_callbacks.append(exit if exit_method is None else exit_method)
        return exit

    def enter_context(self, cm):
        """Enters cm and registers its __exit__; returns what __enter__ returned."""
        cm_type = type(cm)
        if not hasattr(cm_type, "__enter__") or not hasattr(cm_type, "__exit__"):
            raise TypeError("'" + cm_type.__name__ + "' object does not support the context manager protocol")
        result = cm_type.__enter__(cm)
        self._exit_callbacks.append(_exit_of(cm))
        return result

    def callback(self, callback, *args, **kwds):
        """Registers callback(*args, **kwds) to run at unwind time; its result is ignored."""

        def call_and_ignore(exc_type, exc, tb):
            callback(*args, **kwds)

        call_and_ignore.__wrapped__ = callback
        self._exit_callbacks.append(call_and_ignore)
        return callback

    def close(self):
        """Unwinds the stack now, as leaving a with block normally would."""
        self.__exit__(None, None, None)

    def __exit__(self, exc_type, exc_value, traceback):
        received = exc_type is not None
        # The exception being handled around this with statement: chains stop there.
        outer = sys.exc_info()[1]
        details = (exc_type, exc_value, traceback)
        suppressed = False
        pending = False
        while self._exit_callbacks:
            callback = self._exit_callbacks.pop()
            try:
                if callback(details[0], details[1], details[2]):
                    suppressed = True
                    pending = False
                    details = (None, None, None)
            except BaseException as raised:
                _link_context(raised, details[1], outer)
                pending = True
                details = (type(raised), raised, raised.__traceback__)
        if pending:
            # Raising here would chain the exception to itself; keep the context we built.
            exc = details[1]
            context = exc.__context__
            try:
                raise exc
            except BaseException:
                exc.__context__ = context
                raise
        return received and suppressed


def _link_context(new_exc, old_exc, outer):
    """Makes old_exc the end of new_exc's __context__ chain, as nested with statements would.

    The chain Python built while the callback ran ends at whatever was being handled around
    the ExitStack (`outer`); replace that tail with the exception the callback received.
    """
    while True:
        context = new_exc.__context__
        if context is None or context is old_exc:
            return
        if context is outer:
            break
        new_exc = context
    new_exc.__context__ = old_exc
