#!/bin/sh
# Dev-only: stops the Orthanc started by start.sh (by its recorded pid).
pidfile=/tmp/delineo-dev-orthanc/pid
[ -f "$pidfile" ] && kill "$(cat "$pidfile")" && rm -f "$pidfile" && echo "Orthanc stopped"
