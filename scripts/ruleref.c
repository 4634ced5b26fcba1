/*
 * ruleref: the differential reference for src/rules. For each line of stdin (one auditctl rule,
 * as it would appear in a rules file) it builds the struct audit_rule_data with the real
 * libaudit helpers and prints one line back:
 *
 *   ok HEX        the struct bytes, sizeof(struct audit_rule_data) + buflen
 *   err RC WHAT   libaudit (RC < 0) or the auditctl glue (RC = -1000) refused the rule
 *   skip WHAT     a line that is not a rule (comment, blank, -D, -b, ...)
 *
 * It never opens a netlink socket. Two things are pinned so that the answer does not depend on
 * the machine it runs on:
 *   - audit_get_features() is defined here: the kernel feature bits libaudit asks the kernel
 *     for (exe, sessionid, exclude-extend) are all reported present;
 *   - "-w PATH" always gives AUDIT_WATCH (the library's default: a watch is a file unless the
 *     caller says it is a directory), instead of stat()ing PATH on this host.
 * The host arch (used by -S without -F arch, and by b32/b64) is uname's: the test runs this
 * only on x86_64 and otherwise reports the mismatch.
 *
 * Build: gcc -O2 -Wall -o ruleref scripts/ruleref.c -laudit   (test/rules/differential.test.ts)
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libaudit.h>

/* Exported by libaudit.so, declared only in its private.h. */
extern int _audit_elf, _audit_syscalladded, _audit_permadded, _audit_archadded,
	_audit_exeadded, _audit_filterfsadded;

uint32_t audit_get_features(void)
{
	return 0x7f; /* every AUDIT_FEATURE_BITMAP_* bit up to FILTER_FS */
}

#define GLUE (-1000)
#define MAXTOK 128

static int fail(int rc, const char *what)
{
	printf("err %d %s\n", rc, what);
	return 0;
}

/* "always,exit" or "exit,always" (auditctl's audit_rule_setup, without "entry"). */
static int list_action(const char *opt, int *list, int *action)
{
	char buf[64];
	char *comma;
	int f, a;

	if (strlen(opt) >= sizeof buf)
		return -1;
	strcpy(buf, opt);
	comma = strchr(buf, ',');
	if (comma == NULL)
		return -1;
	*comma = 0;
	f = audit_name_to_flag(buf);
	if (f >= 0) {
		a = audit_name_to_action(comma + 1);
	} else {
		f = audit_name_to_flag(comma + 1);
		a = audit_name_to_action(buf);
	}
	if (f < 0 || a < 0)
		return -1;
	*list = f;
	*action = a;
	return 0;
}

static int one_rule(char **tok, int n)
{
	struct audit_rule_data *rule = audit_rule_create_data();
	int add = AUDIT_FILTER_UNSET, del = AUDIT_FILTER_UNSET, action = -1;
	char key[AUDIT_MAX_KEY_LEN + 1] = "";
	int i, rc;

	_audit_elf = 0;
	_audit_syscalladded = _audit_permadded = _audit_archadded = 0;
	_audit_exeadded = _audit_filterfsadded = 0;

	for (i = 0; i < n; i++) {
		const char *o = tok[i];
		char *v = i + 1 < n ? tok[i + 1] : NULL;
		int list = add != AUDIT_FILTER_UNSET ? add : del;

		if (v == NULL)
			return fail(GLUE, o);
		i++;
		if (!strcmp(o, "-a") || !strcmp(o, "-A") || !strcmp(o, "-d")) {
			int l;
			if (add != AUDIT_FILTER_UNSET || del != AUDIT_FILTER_UNSET)
				return fail(GLUE, v);
			if (list_action(v, &l, &action))
				return fail(GLUE, v);
			if (o[1] == 'd')
				del = l;
			else
				add = l | (o[1] == 'A' ? AUDIT_FILTER_PREPEND : 0);
			l &= AUDIT_FILTER_MASK;
			if (_audit_syscalladded && (l == AUDIT_FILTER_TASK || l == AUDIT_FILTER_USER ||
					l == AUDIT_FILTER_FS || l == AUDIT_FILTER_EXCLUDE))
				return fail(GLUE, v);
		} else if (!strcmp(o, "-S")) {
			char *save = NULL, *p;
			int l = list & AUDIT_FILTER_MASK;
			if (list != AUDIT_FILTER_UNSET && (l == AUDIT_FILTER_TASK || l == AUDIT_FILTER_USER ||
					l == AUDIT_FILTER_FS || l == AUDIT_FILTER_EXCLUDE))
				return fail(GLUE, v);
			if (!_audit_elf)
				_audit_elf = audit_machine_to_elf(audit_detect_machine());
			for (p = strtok_r(v, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
				rc = audit_rule_syscallbyname_data(rule, p);
				if (rc)
					return fail(rc, p);
			}
			_audit_syscalladded = 1;
		} else if (!strcmp(o, "-F")) {
			if (list == AUDIT_FILTER_UNSET)
				return fail(GLUE, v);
			if (!strncmp(v, "key=", 4)) {
				v += 4;
				goto keys;
			}
			rc = audit_rule_fieldpair_data(&rule, v, list & AUDIT_FILTER_MASK);
			if (rc)
				return fail(rc, v);
			if (rule->fields[rule->field_count - 1] == AUDIT_PERM)
				_audit_permadded = 1;
			if (rule->fields[rule->field_count - 1] == AUDIT_EXE)
				_audit_exeadded = 1;
		} else if (!strcmp(o, "-C")) {
			if (list == AUDIT_FILTER_UNSET)
				return fail(GLUE, v);
			rc = audit_rule_interfield_comp_data(&rule, v, list & AUDIT_FILTER_MASK);
			if (rc)
				return fail(rc, v);
		} else if (!strcmp(o, "-k")) {
			if (!(_audit_syscalladded || _audit_permadded || _audit_exeadded ||
					_audit_filterfsadded) || list == AUDIT_FILTER_UNSET)
				return fail(GLUE, v);
keys:
			if (strlen(v) + strlen(key) + !!key[0] > AUDIT_MAX_KEY_LEN)
				return fail(GLUE, v);
			if (strchr(v, AUDIT_KEY_SEPARATOR))
				return fail(GLUE, v);
			if (key[0])
				strcat(key, "\x01");
			strcat(key, v);
		} else if (!strcmp(o, "-w") || !strcmp(o, "-W")) {
			size_t len = strlen(v);
			if (add != AUDIT_FILTER_UNSET || del != AUDIT_FILTER_UNSET || _audit_syscalladded)
				return fail(GLUE, v);
			if (len >= 4096 || v[0] != '/')
				return fail(GLUE, v);
			if (len > 2 && v[len - 1] == '/')
				while (len > 1 && v[len - 1] == '/')
					v[--len] = 0;
			if (o[1] == 'w')
				add = AUDIT_FILTER_EXIT;
			else
				del = AUDIT_FILTER_EXIT;
			action = AUDIT_ALWAYS;
			_audit_syscalladded = 1;
			rc = audit_add_watch_dir(AUDIT_WATCH, &rule, v);
			if (rc)
				return fail(rc, v);
		} else if (!strcmp(o, "-p")) {
			unsigned perm = 0;
			if (list == AUDIT_FILTER_UNSET || strlen(v) > 4)
				return fail(GLUE, v);
			for (const char *c = v; *c; c++) {
				switch (tolower((unsigned char)*c)) {
				case 'r': perm |= AUDIT_PERM_READ; break;
				case 'w': perm |= AUDIT_PERM_WRITE; break;
				case 'x': perm |= AUDIT_PERM_EXEC; break;
				case 'a': perm |= AUDIT_PERM_ATTR; break;
				default: return fail(GLUE, v);
				}
			}
			rc = audit_update_watch_perms(rule, perm);
			if (rc)
				return fail(rc, v);
		} else {
			return fail(GLUE, o);
		}
	}
	if (add == AUDIT_FILTER_UNSET && del == AUDIT_FILTER_UNSET)
		return fail(GLUE, "no-list");
	if (key[0]) {
		char cmd[AUDIT_MAX_KEY_LEN + 8];
		int list = add != AUDIT_FILTER_UNSET ? add : del;
		snprintf(cmd, sizeof cmd, "key=%s", key);
		rc = audit_rule_fieldpair_data(&rule, cmd, list & AUDIT_FILTER_MASK);
		if (rc)
			return fail(rc, "key");
	}
	{
		int list = add != AUDIT_FILTER_UNSET ? add : del;
		if ((list & AUDIT_FILTER_MASK) != AUDIT_FILTER_TASK && _audit_syscalladded != 1)
			audit_rule_syscallbyname_data(rule, "all");
		rule->flags = list;
		rule->action = action;
	}
	printf("ok ");
	for (size_t b = 0; b < sizeof(*rule) + rule->buflen; b++)
		printf("%02x", ((unsigned char *)rule)[b]);
	printf("\n");
	audit_rule_free_data(rule);
	return 0;
}

int main(void)
{
	char line[8192];

	while (fgets(line, sizeof line, stdin)) {
		char *tok[MAXTOK], *save = NULL, *p;
		int n = 0;

		line[strcspn(line, "\r\n")] = 0;
		for (p = strtok_r(line, " \t", &save); p && n < MAXTOK; p = strtok_r(NULL, " \t", &save))
			tok[n++] = p;
		if (n == 0 || tok[0][0] == '#') {
			printf("skip blank\n");
		} else if (!strchr("aAdwWSFCkp", tok[0][1]) || tok[0][0] != '-' || tok[0][1] == 0 || tok[0][2] != 0) {
			printf("skip %s\n", tok[0]);
		} else {
			one_rule(tok, n);
		}
		fflush(stdout);
	}
	return 0;
}
