import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend as FileBackend


class EmailBackend(FileBackend):
    """Writes each message to its own file after a pause. Before the pause it records which recipient is in
    flight, so that the crash test can kill the worker inside the pause (not between writing and committing)."""

    def send_messages(self, email_messages):
        Path(self.file_path, "inflight").write_text(",".join(email_messages[0].to))
        time.sleep(0.15)
        self._fname = None
        sent = super().send_messages(email_messages)
        self.close()
        self._fname = None
        return sent
