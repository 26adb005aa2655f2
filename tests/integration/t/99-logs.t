# SPDX-License-Identifier: ISC
# After everything above: no worker crashed or was restarted, and the
# sanitizers (scripts/check builds with ASan and UBSan) reported nothing.
# Runs last; scripts/check reads the logs once more after the stack stops,
# for LeakSanitizer's reports at exit.
use strict;
use warnings;
use Test::More;
use Karika::Test;

for my $w (WORKERS) {
	open(my $f, '<', state_dir() . "/log/$w.log") or die "$w.log: $!";
	my @bad = grep { /ERROR: \w+Sanitizer|runtime error:|exited \(status|SUMMARY: / } <$f>;
	is(scalar(@bad), 0, "karika-$w: no crash and no sanitizer report")
	    or diag(join('', @bad[0 .. ($#bad < 4 ? $#bad : 4)]));
}
# One critical line is nginx's own race, not ours: its cache loader walks
# the page cache a minute after start (ngx_walk_tree), and a page the cache
# manager drops between the loader's readdir() and stat() is logged as
# "stat() ... failed (2: No such file or directory)" and skipped.  Only
# that line, only under the page cache's folder, is let through.
open(my $f, '<', state_dir() . '/log/nginx-error.log') or die;
my $cache = state_dir() . '/nginx/cache/';
my @crit = grep {
	/\[(crit|alert|emerg)\]/ && !/db-stop|mysqld/
	    && !/\[crit\] \d+#\d+: stat\(\) "\Q$cache\E[^"]*" failed \(2: /
} <$f>;
is(scalar(@crit), 0, 'nginx logged no critical error') or diag(join('', @crit[0 .. ($#crit < 4 ? $#crit : 4)]));
done_testing();
