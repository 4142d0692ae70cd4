#!/bin/sh
# repack-deb.sh JPACKAGE_DEB_DIR EXTRA_ROOT DEST_DIR
# jpackage puts everything under /opt/rekam. The udev rule, the systemd unit, its
# /etc/default file and the /usr/bin links must live elsewhere and be owned by the package
# (so dpkg removes them and lintian sees them), so we add them to jpackage's .deb and
# rebuild it with dpkg-deb: md5sums, conffiles and Installed-Size regenerated.
set -eu
src=$(ls "$1"/*.deb)
extra=$2
dest=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pkg="$work/pkg"

dpkg-deb -R "$src" "$pkg"
cp -R "$extra"/. "$pkg"/
find "$pkg" -path "$pkg/DEBIAN" -prune -o -type d -exec chmod 0755 {} +
chmod 0644 "$pkg/lib/udev/rules.d/60-rekam-scanner.rules" "$pkg/lib/systemd/system/rekam-sync.service" \
    "$pkg/etc/default/rekam-sync"

# Files jpackage writes with the wrong mode or leaves empty.
chmod 0644 "$pkg"/opt/rekam/lib/*.so
rm -f "$pkg/DEBIAN/preinst"
# Debian wants stripped ELF objects; jpackage's launchers and the jlinked runtime keep symbols.
find "$pkg/opt/rekam" -type f ! -name '*.jar' | while read -r f; do
    if [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = "177ELF" ]; then
        strip --strip-unneeded --remove-section=.comment --remove-section=.note "$f"
    fi
done
cp "$(dirname "$0")/../../../../THIRD-PARTY.md" "$pkg/opt/rekam/lib/app/THIRD-PARTY.md"
gzip -9n < "$(dirname "$0")/changelog.Debian" > "$pkg/usr/share/doc/rekam/changelog.Debian.gz"
chmod 0644 "$pkg/opt/rekam/lib/app/THIRD-PARTY.md" "$pkg/usr/share/doc/rekam/changelog.Debian.gz" \
    "$pkg/usr/share/doc/rekam/copyright" "$pkg/usr/share/lintian/overrides/rekam"

# Menu entry owned by the package (dpkg installs and removes it; desktop-file-utils' trigger
# refreshes the menu) instead of jpackage's xdg-desktop-menu calls. The headless rekam-sync
# launcher gets none: it is a command-line tool.
mkdir -p "$pkg/usr/share/applications"
mv "$pkg/opt/rekam/lib/rekam-rekam.desktop" "$pkg/usr/share/applications/rekam.desktop"
# jpackage writes an empty MimeType= (lintian: desktop-mime-but-no-exec-code); search words
# help an operator find the app in the menu (desktop-entry-lacks-keywords-entry).
sed -i -e '/^MimeType=$/d' "$pkg/usr/share/applications/rekam.desktop"
printf 'Keywords=KTP;e-KTP;KTP-el;perekaman;kecamatan;\nComment[id]=Stasiun perekaman KTP-el (luring dulu)\n' \
    >> "$pkg/usr/share/applications/rekam.desktop"
rm -f "$pkg/opt/rekam/lib/rekam-rekam-sync.desktop"
chmod 0644 "$pkg/usr/share/applications/rekam.desktop"

# /usr/bin/rekam is a small script (root/usr/bin/rekam: GTK kept from loading Mesa without a GPU),
# which the menu entry starts too; the other launchers are linked.
mkdir -p "$pkg/usr/bin"
chmod 0755 "$pkg/usr/bin/rekam"
sed -i -e 's#^Exec=/opt/rekam/bin/rekam#Exec=/usr/bin/rekam#' "$pkg/usr/share/applications/rekam.desktop"
for launcher in "$pkg"/opt/rekam/bin/*; do
    name=$(basename "$launcher")
    [ -e "$pkg/usr/bin/$name" ] || ln -sf "/opt/rekam/bin/$name" "$pkg/usr/bin/$name"
done

(cd "$pkg" && find etc -type f | sort | sed 's#^#/#') > "$pkg/DEBIAN/conffiles"
(cd "$pkg" && find . -path ./DEBIAN -prune -o -type f -print | sed 's#^\./##' | LC_ALL=C sort \
    | xargs md5sum) > "$pkg/DEBIAN/md5sums"
chmod 0644 "$pkg/DEBIAN/conffiles" "$pkg/DEBIAN/md5sums"
# jpackage adds xdg-utils for its menu calls, which the package no longer makes.
sed -i -e '/^Depends:/s/ xdg-utils,//' -e '/^Depends:/s/, xdg-utils$//' "$pkg/DEBIAN/control"
size=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
sed -i "s/^Installed-Size:.*/Installed-Size: $size/" "$pkg/DEBIAN/control"

mkdir -p "$dest"
dpkg-deb --root-owner-group -b "$pkg" "$dest/$(basename "$src")"
