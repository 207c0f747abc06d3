/// The Python program that runs one candidate's examples inside the sandbox. It reads a JSON
/// payload on stdin: {"source", "examples": [{"source", "want"}], "nonce", "exampleTimeout",
/// "loadTimeout"}; loads the file (prefix + candidate + suffix) as a module named
/// `docwright_candidate` (so `if __name__ == "__main__":` blocks do not run), then evaluates
/// each example like doctest ("single" mode, so expression values print their repr), comparing
/// with doctest's own OutputChecker, honouring `# doctest: +ELLIPSIS`-style directives and
/// expected tracebacks. Each result is one line "<nonce> <json>" on the original stdout, flushed
/// as it goes, so results survive a kill and the candidate's own output cannot pass for ours.
enum DoctestHarness {
    static let source = #"""
import sys, json, io, contextlib, traceback, doctest, signal, types

payload = json.loads(sys.stdin.read())
nonce = payload["nonce"]
channel = sys.stdout

def report(obj):
    channel.write(nonce + " " + json.dumps(obj) + "\n")
    channel.flush()

class ExampleTimeout(BaseException):
    pass

def on_alarm(signum, frame):
    raise ExampleTimeout()

signal.signal(signal.SIGALRM, on_alarm)

def arm(seconds):
    signal.setitimer(signal.ITIMER_REAL, seconds)

def short(text, limit=200):
    text = text if len(text) <= limit else text[:limit] + "..."
    return text

module = types.ModuleType("docwright_candidate")
sys.modules["docwright_candidate"] = module
globs = module.__dict__

try:
    code = compile(payload["source"], "<candidate>", "exec", dont_inherit=True)
except (SyntaxError, ValueError) as e:
    report({"load": "syntax", "detail": short(type(e).__name__ + ": " + str(e))})
    sys.exit(0)

try:
    arm(payload["loadTimeout"])
    with contextlib.redirect_stdout(io.StringIO()):
        exec(code, globs)
    arm(0)
except ImportError as e:
    arm(0)
    report({"load": "import", "detail": short(type(e).__name__ + ": " + str(e))})
    sys.exit(0)
except BaseException as e:
    arm(0)
    report({"load": "error", "detail": short(type(e).__name__ + ": " + str(e))})
    sys.exit(0)

report({"load": "ok"})
checker = doctest.OutputChecker()
names = {"ELLIPSIS": doctest.ELLIPSIS, "NORMALIZE_WHITESPACE": doctest.NORMALIZE_WHITESPACE,
         "IGNORE_EXCEPTION_DETAIL": doctest.IGNORE_EXCEPTION_DETAIL, "DONT_ACCEPT_BLANKLINE": doctest.DONT_ACCEPT_BLANKLINE}

def directives(src):
    flags, skip = 0, False
    for part in src.split("doctest:")[1:]:
        for word in part.split("\n")[0].replace(",", " ").split():
            sign, name = word[:1], word[1:]
            if name == "SKIP" and sign == "+":
                skip = True
            elif name in names:
                flags = flags | names[name] if sign == "+" else flags & ~names[name]
    return flags, skip

def expected_exception(want):
    lines = want.splitlines()
    if not lines or not lines[0].startswith(("Traceback (most recent call last):", "Traceback (innermost last):")):
        return None
    body = [l for l in lines[1:] if l and not l[0].isspace() and l.strip() != "..."]
    return "\n".join(body) + "\n" if body else ""

for index, example in enumerate(payload["examples"]):
    src, want = example["source"], example["want"]
    flags, skip = directives(src)
    if skip:
        report({"index": index, "skipped": True})
        continue
    buffer = io.StringIO()
    exception = None
    try:
        arm(payload["exampleTimeout"])
        with contextlib.redirect_stdout(buffer):
            exec(compile(src, "<example %d>" % index, "single", dont_inherit=True), globs)
        arm(0)
    except ExampleTimeout:
        report({"index": index, "passed": False, "detail": "timeout"})
        continue
    except BaseException as e:
        arm(0)
        exception = traceback.format_exception_only(type(e), e)[-1]
    got = buffer.getvalue()
    if exception is None:
        passed = checker.check_output(want, got, flags)
        detail = None if passed else "expected " + repr(short(want)) + ", got " + repr(short(got))
    else:
        wanted = expected_exception(want)
        if wanted is None:
            passed = False
        elif flags & doctest.IGNORE_EXCEPTION_DETAIL:
            passed = wanted.split(":")[0].split(".")[-1] == exception.split(":")[0].split(".")[-1]
        else:
            passed = checker.check_output(wanted, exception, flags)
        detail = None if passed else "raised " + short(exception.strip())
    report({"index": index, "passed": bool(passed), "detail": detail})
report({"done": True})
"""#
}
