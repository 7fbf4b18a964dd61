#!/usr/bin/env bash
# Answers hello, then every request under the id of the one after it.
source "$(dirname "$0")/lib.sh"
while IFS= read -r line; do
  if [[ $(request_op "$line") == hello ]]; then
    answer "$line"
  else
    echo "{\"id\":$(($(request_id "$line") + 1)),\"ok\":true,\"packet\":\"00\",\"payload\":\"00\"}"
  fi
done
