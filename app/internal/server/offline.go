//go:build !(js && wasm)

package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// What makes the page work with no network: every file it needs, cached
// by the service worker under URLs that carry the build's version, and a
// service worker that finishes caching before it takes over.

// offlineEnv names the page's environment variable (go-app's app.js)
// listing every URL the service worker caches: web/page.js checks each
// one in Cache Storage before the page says it works offline.
const offlineEnv = "GAN_OFFLINE_FILES"

// versioned gives a /web/ file's URL with the build's version in its
// query. The page starts the worker at worker.js?v=V, and worker.js loads
// its own files with the same query, so a page only ever meets a worker of
// its own version: the cache holds exactly these URLs, and the server
// refuses a version it does not have (webFiles.ServeHTTP). Static servers
// ignore the query.
func versioned(url, version string) string {
	if version == "" {
		return url
	}
	return url + "?v=" + version
}

// cacheable lists every file under the web folder (sub-folders too: data
// assets, a gallery…) except app.wasm, which go-app lists itself, and
// hidden files. Only existing files are listed: one failed download makes
// the whole install fail.
func cacheable(webDir, version string) ([]string, error) {
	files, err := webFileList(webDir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range files {
		if f != "app.wasm" {
			out = append(out, versioned("/web/"+f, version))
		}
	}
	return out, nil
}

// webFileList is every non-hidden regular file under webDir, as sorted
// slash paths relative to it.
func webFileList(webDir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(webDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != webDir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(webDir, p)
		if err != nil {
			return err
		}
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	sort.Strings(out)
	return out, err
}

// offlineFiles is the list go-app's service worker caches (its
// makeAppWorkerJS: go-app's own files, icons, styles, scripts and
// CacheableResources, resolved), without duplicates. TestServeFiles checks
// it against the served app-worker.js.
func offlineFiles(h *app.Handler) []string {
	seen := map[string]bool{}
	var out []string
	add := func(list ...string) {
		for _, r := range list {
			// go-app's resource strings may carry attributes ("url defer").
			fields := strings.Fields(r)
			url := ""
			for _, f := range fields {
				switch lf := strings.ToLower(f); {
				case lf == "crossorigin", strings.HasPrefix(lf, "crossorigin="), lf == "defer", lf == "async":
				default:
					url = f
				}
			}
			if url == "" {
				continue
			}
			url = h.Resources.Resolve(url)
			if !seen[url] {
				seen[url] = true
				out = append(out, url)
			}
		}
	}
	add("/app.css", "/app.js", "/manifest.webmanifest", "/wasm_exec.js", "/web/app.wasm", "/")
	add(h.Fonts...)
	add(h.Icon.Default, h.Icon.Large, h.Icon.Maskable)
	add(h.Styles...)
	add(h.Scripts...)
	add(h.CacheableResources...)
	sort.Strings(out)
	return out
}

// setOfflineEnv gives the page the list of cached URLs.
func setOfflineEnv(h *app.Handler) {
	b, _ := json.Marshal(offlineFiles(h))
	if h.Env == nil {
		h.Env = map[string]string{}
	}
	h.Env[offlineEnv] = string(b)
}

// go-app v10's install handler: not awaited (the worker activates, takes
// over and deletes the previous version's cache while the new one is
// still downloading) and all-or-nothing with no visible error.
const goappInstall = `self.addEventListener("install", async (event) => {
  try {
    console.log("installing app worker {{.Version}}");
    await installWorker();
    await self.skipWaiting();
  } catch (error) {
    console.error("error during installation:", error);
  }
});

async function installWorker() {
  const cache = await caches.open(cacheName);
  await cache.addAll(resourcesToCache);
}
`

// offlineInstall replaces it. The install lasts until every file is
// cached, so the previous complete version keeps serving until then; the
// files are stored one by one, so the page can count them; a failure
// deletes the partial cache, fails the install (the worker is discarded,
// the previous one stays) and tells the open pages why.
const offlineInstall = `self.addEventListener("install", (event) => {
  console.log("installing app worker {{.Version}}");
  event.waitUntil(installWorker().then(() => self.skipWaiting(), async (error) => {
    console.error("error during installation:", error);
    await caches.delete(cacheName);
    const pages = await self.clients.matchAll({ includeUncontrolled: true, type: "window" });
    for (const p of pages) p.postMessage({ ganOffline: "failed", version: "{{.Version}}", error: String(error) });
    throw error;
  }));
});

async function installWorker() {
  const cache = await caches.open(cacheName);
  await Promise.all(resourcesToCache.map(async (url) => {
    const resp = await fetch(new Request(url, { cache: "no-cache" }));
    if (!resp.ok) throw new Error(url + ": HTTP " + resp.status);
    await cache.put(url, resp);
  }));
}
`

// serviceWorkerTemplate is go-app's app-worker.js with offlineInstall.
// It fails loudly when go-app's template changed (an upgrade): the
// replacement must then be redone, not silently skipped.
func serviceWorkerTemplate() (string, error) {
	if strings.Count(app.DefaultAppWorkerJS, goappInstall) != 1 {
		return "", errors.New("go-app's service worker template changed: update goappInstall in app/internal/server/offline.go")
	}
	return strings.Replace(app.DefaultAppWorkerJS, goappInstall, offlineInstall, 1), nil
}

// checkVersion returns an error when a request names a version the server
// does not have: a page of another version must not get this version's
// worker.
func checkVersion(query, version string) error {
	if query == "" || query == version {
		return nil
	}
	return fmt.Errorf("this file belongs to version %s of the playground; the server has version %s: reload the page", query, version)
}

// versionStamp is worker.js's placeholder for the build's version: a
// static server cannot refuse another version's files as app serve does,
// so the static site's worker.js checks its own version (see web/worker.js).
const versionStamp = "__GAN_BUILD_VERSION__"

func stampVersion(workerJS []byte, version string) []byte {
	return bytes.Replace(workerJS, []byte(`"`+versionStamp+`"`), []byte(`"`+version+`"`), 1)
}
