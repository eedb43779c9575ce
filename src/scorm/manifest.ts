/**
 * imsmanifest.xml for a SCORM 1.2 package, from a template: one SCO per scenario (each
 * launches scorm.html?scenario=ID, with the pass mark as adlcp:masteryscore), sharing one
 * asset resource that lists every other file of the package. Paths are relative to the
 * package root; the four XSDs the manifest names are in the package too.
 */
export const SCHEMA_FILES = ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd'] as const;

export interface ManifestInput {
  /** The course's identifier (letters, digits, "-", "_"). */
  id: string;
  title: string;
  pass: number;
  scos: { id: string; title: string; launch: string }[];
  /** Every file of the package but the manifest, relative, "/"-separated. */
  files: string[];
}

/** Characters XML 1.0 does not allow (C0 controls other than tab, newline, return). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!).replace(CONTROL, '');
}

/** A file path as an href: each segment percent-encoded where it must be. */
const href = (path: string) => path.split('/').map(encodeURIComponent).join('/');

export function manifestXml(m: ManifestInput): string {
  const e = xmlEscape;
  const items = m.scos
    .map(
      (s) => `      <item identifier="item-${e(s.id)}" identifierref="sco-${e(s.id)}" isvisible="true">
        <title>${e(s.title)}</title>
        <adlcp:masteryscore>${m.pass}</adlcp:masteryscore>
      </item>`,
    )
    .join('\n');
  const resources = m.scos
    .map(
      (s) => `    <resource identifier="sco-${e(s.id)}" type="webcontent" adlcp:scormtype="sco" href="${e(s.launch)}">
      <file href="${e(href(s.launch.split('?')[0]!))}"/>
      <dependency identifierref="game"/>
    </resource>`,
    )
    .join('\n');
  const files = m.files.map((f) => `      <file href="${e(href(f))}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${e(m.id)}" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="course">
    <organization identifier="course">
      <title>${e(m.title)}</title>
${items}
    </organization>
  </organizations>
  <resources>
${resources}
    <resource identifier="game" type="webcontent" adlcp:scormtype="asset">
${files}
    </resource>
  </resources>
</manifest>
`;
}
