#!/usr/bin/env bash
# Never answers a protect request.
source "$(dirname "$0")/lib.sh"
while IFS= read -r line; do
  [[ $(request_op "$line") == protect ]] && sleep 1000
  answer "$line"
done
