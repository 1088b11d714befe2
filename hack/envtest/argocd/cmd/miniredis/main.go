// Command miniredis serves an in-memory Redis on the address given as its only argument until
// SIGTERM or SIGINT: the cache Argo CD's controller and repo-server refuse to run without.
// miniredis is already in Argo CD's module graph (its CLI embeds it), so this costs no new module.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/alicebob/miniredis/v2"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: miniredis <host:port>")
		os.Exit(2)
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	m := miniredis.NewMiniRedis()
	if err := m.StartAddr(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "miniredis:", err)
		os.Exit(1)
	}
	fmt.Println("miniredis listening on", m.Addr())
	<-stop
	m.Close()
}
