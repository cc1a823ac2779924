"""The spawner helper on Python (dist/spawner.py): starts node processes for the engine and reports their exits,
speaking the JSON lines of spawner-protocol.ts, as dist/spawner.js does. It starts them with posix_spawn, which glibc
runs as a vfork-style clone that copies no page tables: a start costs a fraction of a fork from any Node process
(docs/runner.md).
Standard library only; the engine runs it with `python3 -I -S -c <this file's text>`."""
import errno
import json
import os
import selectors
import shutil
import signal
import sys

STDIN, STDOUT = 0, 1
# Python ignores these; a node process gets them back at their defaults, as from Node's spawn.
DEFAULT_SIGNALS = (signal.SIGPIPE, signal.SIGXFSZ)


class Spawner:
    def __init__(self):
        self.base_envs = {}
        self.children = {}  # pid -> launch id
        self.replies = []
        self.devnull = os.open(os.devnull, os.O_RDONLY)

    def reply(self, message):
        self.replies.append(json.dumps(message, separators=(",", ":")))

    def flush(self):
        """Replies of one turn of the loop go out in one write."""
        data = "".join(reply + "\n" for reply in self.replies).encode()
        self.replies = []
        while data:
            data = data[os.write(STDOUT, data):]

    def receive(self, request):
        if request["t"] == "env":
            self.base_envs[request["id"]] = request["env"]
        else:
            self.launch(request)

    def launch(self, request):
        """Like launch-process.ts: stdout and stderr appended to the log files, stdin closed, a session of its own."""
        launch_id = request["id"]
        logs = []
        try:
            for path in (request["stdoutFile"], request["stderrFile"]):
                logs.append(os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666))
        except OSError as error:
            close_all(logs)
            return self.reply({"t": "error", "id": launch_id, "message": node_style(error, "open"), "logs": True})
        env = {**self.base_envs.get(request["envId"], {}), **request["env"]}
        try:
            pid = self.start(request, env, logs)
        except OSError as error:
            # Worded as Node's spawn() words it: "spawn /bin/missing ENOENT".
            return self.reply({"t": "error", "id": launch_id, "message": f"spawn {request['file']} {error_code(error)}", "logs": False})
        except ValueError as error:
            # An argument no process can be given (a NUL character): this launch fails, the helper carries on.
            return self.reply({"t": "error", "id": launch_id, "message": f"spawn {request['file']}: {error}", "logs": False})
        finally:
            close_all(logs)
        self.children[pid] = launch_id
        self.reply({"t": "pid", "id": launch_id, "pid": pid})

    def start(self, request, env, logs):
        """posix_spawn, doing what Node's spawn does: the program looked up in the node's PATH, the node's folder as
        working directory (posix_spawn has none of its own: the child inherits the helper's), a session of its own, and
        an executable without "#!" run with /bin/sh, as execvp does. ~0.1 ms less per process than subprocess.Popen."""
        os.chdir(request["cwd"])
        program = find_program(request["file"], env)
        stdio = zip((self.devnull, *logs), (0, 1, 2))
        actions = [(os.POSIX_SPAWN_DUP2, fd, target) for fd, target in stdio]

        def spawn(path, argv):
            return os.posix_spawn(path, argv, env, file_actions=actions, setsid=True, setsigdef=DEFAULT_SIGNALS)

        argv = [request["file"], *request["args"]]
        try:
            return spawn(program, argv)
        except OSError as error:
            if error.errno != errno.ENOEXEC:
                raise
            return spawn("/bin/sh", ["/bin/sh", program, *argv[1:]])

    def reap(self):
        while self.children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            launch_id = self.children.pop(pid)
            if os.WIFSIGNALED(status):
                self.reply({"t": "exit", "id": launch_id, "code": None, "signal": signal.Signals(os.WTERMSIG(status)).name})
            else:
                self.reply({"t": "exit", "id": launch_id, "code": os.WEXITSTATUS(status), "signal": None})


def find_program(name, env):
    """`name` itself when it is a path, else its first executable in the node's PATH (raises ENOENT when none)."""
    if "/" in name:
        return name
    found = shutil.which(name, path=env.get("PATH", os.defpath))
    if found is None:
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), name)
    return found


def close_all(fds):
    for fd in fds:
        os.close(fd)


def error_code(error):
    return errno.errorcode.get(error.errno, "EIO")


def node_style(error, syscall):
    """An OSError worded as Node words it: "ENOSPC: no space left on device, open '/runs/x/_logs/a.stdout.log'"."""
    text = error.strerror or ""
    return f"{error_code(error)}: {text[:1].lower()}{text[1:]}, {syscall} '{error.filename}'"


def drain(fd):
    try:
        while os.read(fd, 4096):
            pass
    except BlockingIOError:
        pass


def main():
    if sys.version_info < (3, 8):
        # os.posix_spawn takes setsid and setsigdef from 3.8 on (RHEL 8's python3 is 3.6). Exiting before "ready"
        # makes the engine use its next helper.
        sys.exit(f"the spawner helper needs Python 3.8 or newer, not {'.'.join(map(str, sys.version_info[:2]))}")
    spawner = Spawner()
    # SIGCHLD wakes the loop through this pipe (the handler itself does nothing).
    wake_read, wake_write = os.pipe()
    for fd in (wake_read, wake_write):
        os.set_blocking(fd, False)
    signal.set_wakeup_fd(wake_write)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    selector = selectors.DefaultSelector()
    selector.register(STDIN, selectors.EVENT_READ)
    selector.register(wake_read, selectors.EVENT_READ)
    spawner.reply({"t": "ready"})
    spawner.flush()
    partial = b""
    while True:
        for key, _ in selector.select():
            if key.fd == wake_read:
                drain(wake_read)
                continue
            data = os.read(STDIN, 1 << 16)
            if not data:
                # The engine is gone (or closing): leave. Node processes lead their own sessions and keep running;
                # an engine that starts later recovers them (recover-runs.ts).
                return
            lines = (partial + data).split(b"\n")
            partial = lines.pop()
            for line in lines:
                if line:
                    spawner.receive(json.loads(line))
        spawner.reap()
        spawner.flush()


main()
