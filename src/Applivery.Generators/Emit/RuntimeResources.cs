using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Applivery.Generators.Emit;

/// <summary>
/// The runtime files of the generated code (<c>src/Applivery.Generators/Runtime/*.cs</c>), embedded in the generator
/// as they are in the repository, in the namespace <see cref="Namespace"/>.
/// </summary>
internal static class RuntimeResources
{
    public const string Namespace = "Applivery.Generators.Runtime";

    private const string AttributeStart = "[global::System.CodeDom.Compiler.GeneratedCode(";

    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal);

    /// <summary>The text of <c>Runtime/{fileName}</c>, with '\n' line ends.</summary>
    public static string Text(string fileName)
    {
        lock (Texts)
        {
            if (!Texts.TryGetValue(fileName, out var text))
            {
                var name = Namespace + "." + fileName;
                using var stream = typeof(RuntimeResources).Assembly.GetManifestResourceStream(name)
                    ?? throw new InvalidOperationException("The generator is missing its embedded runtime file " + name + ".");
                using var reader = new StreamReader(stream);
                text = reader.ReadToEnd().Replace("\r\n", "\n");
                Texts[fileName] = text;
            }

            return text;
        }
    }

    /// <summary>
    /// A runtime line as emitted: the <c>GeneratedCode</c> attribute with this generator's version, and the namespace
    /// line naming <paramref name="targetNamespace"/> (the validation runtime goes into each client's namespace).
    /// </summary>
    public static string Emitted(string line, string targetNamespace)
    {
        var trimmed = line.TrimStart(' ');
        if (trimmed.StartsWith(AttributeStart, StringComparison.Ordinal))
        {
            return line.Substring(0, line.Length - trimmed.Length) + GeneratedFile.GeneratedCodeAttribute;
        }

        return line == "namespace " + Namespace ? "namespace " + targetNamespace : line;
    }

    private static readonly Dictionary<string, string[]> MemberLines = new(StringComparer.Ordinal);

    /// <summary>
    /// The member lines of a part file: those between the braces of its one class, declared by <paramref name="classLine"/>
    /// (split once per process).
    /// </summary>
    public static string[] Members(string fileName, string classLine)
    {
        lock (MemberLines)
        {
            if (!MemberLines.TryGetValue(fileName, out var members))
            {
                var lines = SourceWriter.SplitLines(Text(fileName));
                var start = Array.IndexOf(lines, classLine);
                var end = Array.LastIndexOf(lines, "    }");
                if (start < 0 || lines[start + 1] != "    {" || end <= start)
                {
                    throw new InvalidOperationException("The runtime part " + fileName + " is not laid out as one class '" + classLine.Trim() + "' in the " + Namespace + " namespace.");
                }

                members = lines.Skip(start + 2).Take(end - start - 2).ToArray();
                MemberLines[fileName] = members;
            }

            return members;
        }
    }

    /// <summary>
    /// One class split over a core file (which declares it) and part files (which add members to it), emitted as one
    /// file into <paramref name="targetNamespace"/>: the core with the members of <paramref name="partFiles"/>, in their order.
    /// </summary>
    public static string WithParts(string coreFile, string classLine, IEnumerable<string> partFiles, string targetNamespace)
    {
        var core = SourceWriter.SplitLines(Text(coreFile)).ToList();
        var end = core.LastIndexOf("    }");
        var members = partFiles.SelectMany(part => new[] { string.Empty }.Concat(Members(part, classLine)));
        var lines = core.Take(end)
            .Select(line => Emitted(line, targetNamespace))
            .Concat(members)
            .Concat(core.Skip(end).Select(line => Emitted(line, targetNamespace)));
        return string.Join("\n", lines);
    }

    /// <summary>A whole runtime file as emitted into <paramref name="targetNamespace"/> (see <see cref="Emitted"/>).</summary>
    public static string InNamespace(string fileName, string targetNamespace)
    {
        var lines = SourceWriter.SplitLines(Text(fileName));
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = Emitted(lines[i], targetNamespace);
        }

        return string.Join("\n", lines);
    }
}
