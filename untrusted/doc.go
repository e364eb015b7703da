// Package untrusted handles what ZERO SUM is handed from outside: the
// files a player names or receives (saves, replays, scenarios) and the
// text inside them. A file is read only when it is a regular file within a
// size limit, so a device, a pipe, a folder or a huge file gives a clear
// error instead of a hang or a read without end; text is made safe to
// print by dropping control characters, so no file can drive the
// terminal.
package untrusted
