# Non-ASCII identifiers (already in NFKC form) and non-ASCII text around them.
café = 1
π = 3.14159
名前 = 'name'
Ωmega = π * 2
résumé_count = café + 1
def naïve(αβγ, *δ, ε=1, **ζ):
    return αβγ
class Ünïcode:
    ñ = 1
    def método(self):
        return self.ñ
x = café.ñ.método()
y = {'clé': café, 'π': π}
z = [ф for ф in range(3)]
_私 = Ωmega
x = f'{café} {π:.2f} {名前!r}'
é = lambda ü: ü
z = 'é' + café  # ça marche
def f(*, ключ): return ключ
import a_ü as b_é
print(café, π, 名前)  # 名前 in a comment
