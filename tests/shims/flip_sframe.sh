#!/usr/bin/env bash
# A subtly wrong implementation for the differential test: it relays every request to the
# reference (`$1 shim`, $1 being the rtcseal binary) but flips the last hex digit of each packet it
# protects for an sframe context, so sframe disagrees and every other scheme agrees. It hides the
# batch feature, so each protect comes as its own request.
coproc REF { "$1" shim; }
sframe_ctx=" "
while IFS= read -r line; do
  echo "$line" >&"${REF[1]}"
  IFS= read -r reply <&"${REF[0]}" || exit 1
  reply=${reply/,\"features\":\[\"batch\"\]/}
  if [[ $line =~ \"op\":\"configure\",\"ctx\":\"([^\"]*)\",\"scheme\":\"sframe\" ]]; then
    sframe_ctx+="${BASH_REMATCH[1]} "
  fi
  if [[ $line =~ \"op\":\"protect\",\"ctx\":\"([^\"]*)\" && $sframe_ctx == *" ${BASH_REMATCH[1]} "* &&
        $reply == *'"packet":"'?*'"}' ]]; then
    digit=${reply: -3:1}
    [[ $digit == 0 ]] && digit=1 || digit=0
    reply="${reply:0:${#reply}-3}$digit\"}"
  fi
  echo "$reply"
  [[ $line == *'"op":"shutdown"'* ]] && exit 0
done
