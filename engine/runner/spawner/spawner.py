"""The spawner helper on Python (dist/spawner.py): starts node processes for the engine, speaking the same JSON lines
as dist/spawner.js (spawner-protocol.ts). On Linux, Python's subprocess starts processes with vfork, which does not
copy the parent's page tables: a start costs a fraction of a fork from any Node process (docs/runner.md)."""
import errno
import json
import os
import selectors
import signal
import subprocess
import sys

STDIN, STDOUT = 0, 1


class Spawner:
    def __init__(self):
        self.base_envs = {}
        self.children = {}  # pid -> (launch id, Popen)
        self.replies = []
        self.devnull = os.open(os.devnull, os.O_RDONLY)

    def reply(self, message):
        self.replies.append(json.dumps(message, separators=(",", ":")))

    def flush(self):
        if self.replies:
            data = ("\n".join(self.replies) + "\n").encode()
            self.replies = []
            while data:
                data = data[os.write(STDOUT, data):]

    def receive(self, request):
        if request["t"] == "env":
            self.base_envs[request["id"]] = request["env"]
        else:
            self.launch(request)

    def launch(self, request):
        launch_id = request["id"]
        try:
            logs = [open_log(request["stdoutFile"])]
            logs.append(open_log(request["stderrFile"]))
        except OSError as error:
            for fd in logs if "logs" in locals() else []:
                os.close(fd)
            return self.reply({"t": "error", "id": launch_id, "message": node_style(error, "open", error.filename), "logs": True})
        env = {**self.base_envs.get(request["envId"], {}), **request["env"]}
        try:
            child = subprocess.Popen(
                [request["file"], *request["args"]],
                cwd=request["cwd"],
                env=env,
                stdin=self.devnull,
                stdout=logs[0],
                stderr=logs[1],
                start_new_session=True,
            )
        except OSError as error:
            return self.reply({"t": "error", "id": launch_id, "message": f"spawn {request['file']} {errno.errorcode.get(error.errno, 'EIO')}", "logs": False})
        finally:
            for fd in logs:
                os.close(fd)
        self.children[child.pid] = (launch_id, child)
        self.reply({"t": "pid", "id": launch_id, "pid": child.pid})

    def reap(self):
        while self.children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            entry = self.children.pop(pid, None)
            if entry is None:
                continue
            launch_id, child = entry
            child.returncode = status  # reaped here: the Popen object must not wait for it again
            if os.WIFSIGNALED(status):
                self.reply({"t": "exit", "id": launch_id, "code": None, "signal": signal.Signals(os.WTERMSIG(status)).name})
            else:
                self.reply({"t": "exit", "id": launch_id, "code": os.WEXITSTATUS(status), "signal": None})


def open_log(path):
    return os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)


def node_style(error, syscall, path):
    """An OSError worded as Node words it ("ENOSPC: no space left on device, open '/x'"), as the Node helper reports."""
    code = errno.errorcode.get(error.errno, "EIO")
    return f"{code}: {error.strerror[:1].lower()}{error.strerror[1:]}, {syscall} '{path}'"


def main():
    spawner = Spawner()
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_read, False)
    os.set_blocking(wake_write, False)
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
                while True:
                    try:
                        if not os.read(wake_read, 4096):
                            break
                    except BlockingIOError:
                        break
            else:
                data = os.read(STDIN, 1 << 16)
                if not data:
                    # The engine is gone (or closing): leave. Node processes lead their own sessions and keep running.
                    spawner.flush()
                    return
                lines = (partial + data).split(b"\n")
                partial = lines.pop()
                for line in lines:
                    if line:
                        spawner.receive(json.loads(line))
        spawner.reap()
        spawner.flush()


if __name__ == "__main__":
    sys.exit(main())
