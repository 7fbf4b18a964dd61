#!/usr/bin/env bash
# On protect, floods stderr forever instead of answering.
source "$(dirname "$0")/lib.sh"
while IFS= read -r line; do
  [[ $(request_op "$line") == protect ]] && exec yes "flood flood flood" >&2
  answer "$line"
done
