import { useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import type { LayoutEditor } from '../../store/layout/LayoutEditor';
import type { Subject } from '../../domain/checks/problemSubjects';
import { useEditorState } from '../../store/layout/useEditorState';
import { CanvasToolAdapter, type GizmoGrip } from './CanvasToolAdapter';
import { installEditorProbe } from './editorProbe';
import { FacilityGizmo } from './FacilityGizmo';
import { LaneHandles } from './LaneHandles';
import { ProblemPins } from './ProblemPins';
import { SubjectMarkers } from './SubjectMarkers';

/** Colours of the marks: the selection as the operations view draws it, problems in alarm red. */
const SELECTION_COLOUR = '#fde047';
const PROBLEM_COLOUR = '#ef4444';

/**
 * The layout editor's layers in the 3D view (children of TwinCanvas): the canvas adapter feeding the tools, the
 * current tool's gizmo on the selected facility, lane node handles, and the selection and every problem drawn
 * where it is.
 */
export function EditLayer({ editor }: { editor: LayoutEditor }) {
  const scene = useEditorState(editor, (s) => s.scene);
  const selection = useEditorState(editor, (s) => s.selection);
  const problems = useEditorState(editor, (s) => s.problems);
  // The tool's name only re-renders this layer when it changes; what it shows is asked of the tool.
  useEditorState(editor, (s) => s.tool);
  const edgeFrom = useEditorState(editor, (s) => s.edgeFrom);
  const camera = useThree((s) => s.camera);
  const grip = useRef<GizmoGrip | null>(null);
  useEffect(() => installEditorProbe(editor, camera), [editor, camera]);

  const problemSubjects = useMemo(() => problems.flatMap((p) => p.subjects), [problems]);
  const selected = useMemo<Subject[]>(() => (selection ? [selection] : []), [selection]);
  const facility = selection?.kind === 'facility' ? scene.facilities.find((f) => f.id === selection.id) : undefined;
  const gizmo = editor.tools.gizmo;

  return (
    <group name="layout-editor">
      <CanvasToolAdapter editor={editor} gizmo={grip} />
      <LaneHandles nodes={scene.lanes.nodes} selectedId={selection?.kind === 'node' ? selection.id : undefined} edgeFromId={edgeFrom} />
      <SubjectMarkers scene={scene} subjects={problemSubjects} colour={PROBLEM_COLOUR} name="problem-markers" />
      <ProblemPins scene={scene} subjects={problemSubjects} colour={PROBLEM_COLOUR} />
      <SubjectMarkers scene={scene} subjects={selected} colour={SELECTION_COLOUR} name="selection-markers" />
      {facility && gizmo && <FacilityGizmo editor={editor} facility={facility} mode={gizmo} grip={grip} />}
    </group>
  );
}
