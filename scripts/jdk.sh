# Finds a JDK 21 or newer for building and running Ferry. Source it, then call ferry_java_home.
# Order: $JAVA_HOME, the java on PATH, then the newest JDK under /usr/lib/jvm.

# The feature version (17, 21, 25...) of the JDK at $1, or nothing if it is not a JDK.
ferry_jdk_version() {
  local home="$1" version=""
  [ -x "$home/bin/javac" ] || return 1
  if [ -r "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  fi
  [ -n "$version" ] && echo "$version"
}

# Prints the home of a JDK >= 21, or explains what to install and fails.
ferry_java_home() {
  local candidates=() home version best="" best_version=0
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for home in "${candidates[@]}"; do
    version=$(ferry_jdk_version "$home") || continue
    if [ "$version" -ge 21 ]; then echo "$home"; return 0; fi
  done
  for home in /usr/lib/jvm/*/; do
    home="${home%/}"
    version=$(ferry_jdk_version "$home") || continue
    if [ "$version" -ge 21 ] && [ "$version" -gt "$best_version" ]; then
      best="$home"; best_version="$version"
    fi
  done
  if [ -n "$best" ]; then echo "$best"; return 0; fi
  cat >&2 <<'MSG'
ferry: needs a JDK 21 or newer, and found none (looked at JAVA_HOME, the javac on PATH and
/usr/lib/jvm). Install one, for example 'apt-get install openjdk-21-jdk-headless' where your
distribution has it, or a Temurin JDK 21+, then run again (or set JAVA_HOME to it).
MSG
  return 1
}
