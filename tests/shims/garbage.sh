#!/usr/bin/env bash
# Answers hello, then anything with a line that is not JSON.
source "$(dirname "$0")/lib.sh"
while IFS= read -r line; do
  if [[ $(request_op "$line") == hello ]]; then answer "$line"; else echo "this is not json"; fi
done
