using System;
using System.Collections.Generic;
using System.IO;

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
