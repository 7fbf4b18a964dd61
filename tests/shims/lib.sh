# Just enough of shim protocol v1 (docs/shim-protocol.md) for the misbehaving test shims: read a
# request's fields with bash regexes, and answer like an "echo" implementation whose protect and
# unprotect return their input. Each shim sources this and misbehaves in one way.
request_id() { [[ $1 =~ \"id\":(-?[0-9]+) ]] && echo "${BASH_REMATCH[1]}"; }
request_op() { [[ $1 =~ \"op\":\"([a-z]+)\" ]] && echo "${BASH_REMATCH[1]}"; }
request_hex() { [[ $1 =~ \"$2\":\"([0-9a-f]*)\" ]] && echo "${BASH_REMATCH[1]}"; }

answer() {
  local id op
  id=$(request_id "$1")
  op=$(request_op "$1")
  case $op in
    hello) echo "{\"id\":$id,\"ok\":true,\"name\":\"echo\",\"version\":\"0\",\"schemes\":[\"agora-builtin\",\"sframe\"]}" ;;
    protect) echo "{\"id\":$id,\"ok\":true,\"packet\":\"$(request_hex "$1" payload)\"}" ;;
    unprotect) echo "{\"id\":$id,\"ok\":true,\"payload\":\"$(request_hex "$1" packet)\"}" ;;
    shutdown) echo "{\"id\":$id,\"ok\":true}"; exit 0 ;;
    *) echo "{\"id\":$id,\"ok\":true}" ;;
  esac
}
