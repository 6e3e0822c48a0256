/* cmd.h: the subcommands of the lectern program. Each takes the arguments
 * after its name (argv[0] is the command name) and returns the exit status.
 * main.c dispatches; each command lives in its own cmd_*.c file. */
#ifndef LT_CMD_H
#define LT_CMD_H

int cmd_play(int argc, char **argv);     /* the player (no subcommand) */
int cmd_check(int argc, char **argv);    /* lectern check PATH... */
int cmd_render(int argc, char **argv);   /* lectern render MODULE ... */
int cmd_render_kiosk(int argc, char **argv); /* lectern render --kiosk ... */
int cmd_export(int argc, char **argv);   /* lectern export --xapi|--csv FILE */
int cmd_progress(int argc, char **argv); /* lectern progress */
int cmd_report(int argc, char **argv);   /* lectern report -o FILE */
int cmd_set_pin(int argc, char **argv);  /* lectern set-pin */
int cmd_sync(int argc, char **argv);     /* lectern sync */
int cmd_keygen(int argc, char **argv);   /* lectern keygen */
int cmd_pack(int argc, char **argv);     /* lectern pack MODULE */
int cmd_install(int argc, char **argv);  /* lectern install FILE.lectern|DIR... */
int cmd_remove(int argc, char **argv);   /* lectern remove ID... */
int cmd_publish(int argc, char **argv);  /* lectern publish -o SITE DIR... */
int cmd_update(int argc, char **argv);   /* lectern update */
int cmd_preview(int argc, char **argv);  /* lectern preview MODULE */
int cmd_new(int argc, char **argv);      /* lectern new NAME */

#endif
