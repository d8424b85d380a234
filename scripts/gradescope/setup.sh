#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image (its Ubuntu base image, as root).
# The grader needs a JDK 17 (the labs are compiled for it), python3 and unzip for the submission,
# and bubblewrap, with which the grader can shut a submission's JVM off from files and network.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless python3 unzip bubblewrap
java -version
