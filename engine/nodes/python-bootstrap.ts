// The small Python program script.python runs first: it checks the Python version and the declared modules, runs the
// user's script, and turns a missing module or an exception into one line in an error file (the traceback still goes to
// the log). Written without f-strings so that even a Python 2 interpreter reaches the version check.
export const PYTHON_BOOTSTRAP = `
import sys
error_file, script, requirements = sys.argv[1], sys.argv[2], [r for r in sys.argv[3].split(",") if r]

def fail(message, code):
    with open(error_file, "w") as out:
        out.write(message)
    sys.exit(code)

if sys.version_info < (3, 6):
    fail("%s is Python %d.%d; script.python needs Python 3.6 or newer" % (sys.executable, sys.version_info[0], sys.version_info[1]), 3)

import importlib.util, runpy, traceback

def missing_module(name):
    try:
        return importlib.util.find_spec(name) is None
    except ImportError:
        return True

missing = [name for name in requirements if missing_module(name)]
if missing:
    fail("Python module%s not installed for %s: %s - install %s (pip install, or a python3-<name> system package) or choose another interpreter"
         % ("s" if len(missing) > 1 else "", sys.executable, ", ".join(missing), "them" if len(missing) > 1 else "it"), 3)

sys.argv = [script]
try:
    runpy.run_path(script, run_name="__main__")
except ModuleNotFoundError as error:
    fail("Python module '%s' is not installed for %s - install it (pip install, or a python3-<name> system package) or choose another interpreter"
         % (error.name, sys.executable), 3)
except SystemExit:
    raise
except BaseException as error:
    traceback.print_exc()
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == script]
    where = " (line %d)" % frames[-1].lineno if frames else ""
    fail("%s: %s%s" % (type(error).__name__, error, where), 1)
`;
