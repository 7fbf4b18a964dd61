#!/usr/bin/env bash
# Exits with status 7 in the middle of a protect request.
source "$(dirname "$0")/lib.sh"
while IFS= read -r line; do
  [[ $(request_op "$line") == protect ]] && exit 7
  answer "$line"
done
