// Command argocd is a slim Argo CD multi-call binary: only the two roles the local clusters run
// (upstream's cmd/main.go links every role and the CLI, about a third more packages to compile).
// Like upstream's it picks the role from its file name (symlinks argocd-application-controller and
// argocd-repo-server) or from ARGOCD_BINARY_NAME.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"k8s.io/klog/v2"

	appcontroller "github.com/argoproj/argo-cd/v3/cmd/argocd-application-controller/commands"
	reposerver "github.com/argoproj/argo-cd/v3/cmd/argocd-repo-server/commands"
	"github.com/argoproj/argo-cd/v3/common"
	"github.com/argoproj/argo-cd/v3/util/log"
)

func init() {
	// As upstream: klog follows the configured log level and format.
	klog.SetLogger(log.NewLogrusLogger(log.NewWithCurrentConfig()))
}

func main() {
	// Upstream's main calls grpc.DisableSRVLookups() here: the gRPC grpclb balancer, linked in by
	// roles this binary leaves out, turns DNS SRV lookups on. Without it they are off already, and
	// that call panics (it insists on finding them on).
	name := filepath.Base(os.Args[0])
	if v := os.Getenv("ARGOCD_BINARY_NAME"); v != "" {
		name = v
	}
	var command *cobra.Command
	switch name {
	case common.CommandApplicationController:
		command = appcontroller.NewCommand()
	case common.CommandRepoServer:
		command = reposerver.NewCommand()
	default:
		fmt.Fprintf(os.Stderr, "%s: run as %s or %s (symlink or ARGOCD_BINARY_NAME)\n",
			name, common.CommandApplicationController, common.CommandRepoServer)
		os.Exit(2)
	}
	if err := command.Execute(); err != nil {
		os.Exit(1)
	}
}
