#!/usr/bin/env bash
# Dies of SIGSEGV on the first protect it ever sees (STATE_FILE remembers it across restarts),
# then behaves: a restarted shim answers.
source "$(dirname "$0")/lib.sh"
state=$1
while IFS= read -r line; do
  if [[ $(request_op "$line") == protect && ! -e $state ]]; then
    touch "$state"
    echo "dying on purpose" >&2
    kill -SEGV $$
  fi
  answer "$line"
done
