using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Applivery.Generators.Model;

/// <summary>The naming rules that turn spec names into C# names. README documents them: they are public contract.</summary>
internal static class Identifiers
{
    /// <summary>
    /// Splits on every character that cannot be part of an identifier and upper-cases the first letter of each word,
    /// keeping the rest as written: <c>mdmUser</c> → <c>MdmUser</c>, <c>by-user</c> → <c>ByUser</c>.
    /// </summary>
    public static string ToPascalCase(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var word in SplitWords(text))
        {
            builder.Append(char.ToUpperInvariant(word[0]));
            builder.Append(word, 1, word.Length - 1);
        }

        return MakeValid(builder.ToString(), "Value");
    }

    public static string ToCamelCase(string text)
    {
        var pascal = ToPascalCase(text);
        if (pascal[0] == '_')
        {
            return pascal;
        }

        var index = 0;

        // Lower a leading acronym as a whole (URLPath → urlPath), but keep the letter that starts the next word.
        while (index < pascal.Length && char.IsUpper(pascal[index]) && (index == 0 || index + 1 >= pascal.Length || !char.IsLower(pascal[index + 1])))
        {
            index++;
        }

        if (index == 0)
        {
            index = 1;
        }

        return pascal.Substring(0, index).ToLowerInvariant() + pascal.Substring(index);
    }

    /// <summary>Escapes a C# keyword with <c>@</c> so it can be used as a parameter or local name.</summary>
    public static string EscapeKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None
            ? "@" + identifier
            : identifier;

    public static bool IsValidIdentifier(string text) =>
        SyntaxFacts.IsValidIdentifier(text) && SyntaxFacts.GetKeywordKind(text) == SyntaxKind.None;

    public static bool IsValidNamespace(string text)
    {
        foreach (var part in text.Split('.'))
        {
            if (!IsValidIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }

    public static IEnumerable<string> SplitWords(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isPart = i < text.Length && SyntaxFacts.IsIdentifierPartCharacter(text[i]) && text[i] != '_';
            if (isPart && start < 0)
            {
                start = i;
            }
            else if (!isPart && start >= 0)
            {
                yield return text.Substring(start, i - start);
                start = -1;
            }
        }
    }

    /// <summary>Makes a name usable as an identifier: a leading digit gets an underscore, an empty name the fallback.</summary>
    private static string MakeValid(string name, string fallback)
    {
        if (name.Length == 0)
        {
            return fallback;
        }

        return SyntaxFacts.IsIdentifierStartCharacter(name[0]) ? name : "_" + name;
    }

    /// <summary>Appends 2, 3, ... until the name is free; the taken set is updated.</summary>
    public static string MakeUnique(string name, ISet<string> taken)
    {
        if (taken.Add(name))
        {
            return name;
        }

        for (var suffix = 2; ; suffix++)
        {
            var candidate = name + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (taken.Add(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>The JSON path step for a property: <c>.name</c> when it reads plainly, else <c>['odd name']</c>.</summary>
    public static string JsonPathStep(string wireName)
    {
        var plain = wireName.Length > 0 && (char.IsLetter(wireName[0]) || wireName[0] == '_');
        foreach (var c in wireName)
        {
            plain &= c < 128 && (char.IsLetterOrDigit(c) || c == '_');
        }

        return plain ? "." + wireName : "['" + wireName.Replace("\\", "\\\\").Replace("'", "\\'") + "']";
    }
}
