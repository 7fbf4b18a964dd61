#!/usr/bin/env bash
# Well behaved: an echo implementation without the batch feature.
source "$(dirname "$0")/lib.sh"
while IFS= read -r line; do answer "$line"; done
