#!/usr/bin/env bash
# Never gets as far as hello.
echo "no shim here" >&2
exit 3
