// Which script commands run without a shell: plain words only; anything the shell would interpret keeps /bin/sh.
import { describe, expect, it } from 'vitest';
import { plainCommandWords } from '../../../engine/nodes/plain-command';

describe('plainCommandWords', () => {
  it('splits a program and its arguments at blanks', () => {
    expect(plainCommandWords('true')).toEqual(['true']);
    expect(plainCommandWords('  python3\ttrain.py  --lr 0.1 --out=/tmp/m_1.pkl ')).toEqual(['python3', 'train.py', '--lr', '0.1', '--out=/tmp/m_1.pkl']);
    expect(plainCommandWords('./bin/run-step a+b@host:1 50%')).toEqual(['./bin/run-step', 'a+b@host:1', '50%']);
  });

  it.each([
    ['quotes', `python3 -c 'print(1)'`],
    ['double quotes', 'echo "x"'],
    ['a backslash', 'ls a\\ b'],
    ['a variable', 'ls $HOME'],
    ['command substitution', 'ls `pwd`'],
    ['a glob', 'ls *.csv'],
    ['a character class', 'ls data[0-9]'],
    ['a home directory', 'ls ~/data'],
    ['a redirection', 'python3 train.py > log.txt'],
    ['a pipe', 'cat a | wc -l'],
    ['a list', 'make; make install'],
    ['a background job', 'sleep 1 &'],
    ['a subshell', '(cd x)'],
    ['a brace group', '{ true; }'],
    ['a comment', 'true # done'],
    ['history', 'true !'],
    ['two lines', 'true\nfalse'],
  ])('needs the shell for %s', (_, command) => {
    expect(plainCommandWords(command)).toBeUndefined();
  });

  it('needs the shell for builtins, reserved words and variable assignments', () => {
    for (const command of ['cd data', 'export A', 'exit 3', 'echo hello', 'printf x', 'set -e', 'test -f x', '. ./env.sh', 'while true', 'A=1 python3 x.py', 'time make']) {
      expect(plainCommandWords(command), command).toBeUndefined();
    }
  });

  it('has nothing to run for a blank command', () => {
    expect(plainCommandWords('')).toBeUndefined();
    expect(plainCommandWords(' \t ')).toBeUndefined();
  });
});
