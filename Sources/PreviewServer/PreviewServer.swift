// PreviewServer: what `course preview` needs from the operating system, on Glibc alone: a small
// HTTP/1.1 server on loopback (GET and HEAD, one request per connection, Server-Sent Events)
// and a watcher of files through inotify. No dependency: the course's cold build stays as it
// was (see the README's `course preview` section for what the HTTP libraries would add).
